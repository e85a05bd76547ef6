"""A fake postcodes.io on 127.0.0.1, answering in the service's real shapes.

GET /postcodes/:postcode -> 200 {"status": 200, "result": {...}} or 404 {"status": 404,
"error": "Invalid postcode" | "Postcode not found"}; GET /terminated_postcodes/:postcode ->
200 with year and month terminated, or 404 "Terminated postcode not found"; GET
/outcodes/:outcode -> 200 with lists of names, or 404 "Outcode not found"; GET
/postcodes?lon=&lat= -> 200 with a list of the nearest postcodes, or "result": null.
`fail_with` makes every reply a 429 or 500, and `delay` slows every reply; `asked` records
each path, for the tests that check what was (and was not) looked up.
"""

from __future__ import annotations

import json
import math
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlparse

# postcode -> (2024 constituency, country, latitude, longitude): real places, real names
POSTCODES = {
    "SW1A 1AA": ("Cities of London and Westminster", "England", 51.501009, -0.141588),
    "M1 1AE": ("Manchester Central", "England", 53.48116, -2.23727),
    "LS1 4AP": ("Leeds Central and Headingley", "England", 53.79648, -1.54785),
    "CF10 1EP": ("Cardiff South and Penarth", "Wales", 51.47848, -3.17584),
    "EH1 1YZ": ("Edinburgh East and Musselburgh", "Scotland", 51.95, -3.19),
    "BT1 5GS": ("Belfast South and Mid Down", "Northern Ireland", 54.59655, -5.93029),
}
TERMINATED = {"E1W 1UU": (2015, 2)}
OUTCODES = {
    "LS6": ["Leeds Central and Headingley", "Leeds North West"],
    "CF10": ["Cardiff South and Penarth"],
}


def compact(postcode: str) -> str:
    return unquote(postcode).replace(" ", "").upper()


class FakePostcodes:
    def __init__(self) -> None:
        self.asked: list[str] = []
        self.fail_with: int | None = None
        self.delay = 0.0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakePostcodes:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reply(self, path: str, query: dict[str, list[str]]) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.asked.append(path)
        if self.delay:
            time.sleep(self.delay)
        if self.fail_with is not None:
            error = "Too Many Requests" if self.fail_with == 429 else "Internal Server Error"
            return self.fail_with, {"status": self.fail_with, "error": error}
        parts = [part for part in path.split("/") if part]
        if parts == ["postcodes"]:
            return self._nearest(float(query["lat"][0]), float(query["lon"][0]))
        if len(parts) == 2 and parts[0] == "postcodes":
            return self._postcode(compact(parts[1]))
        if len(parts) == 2 and parts[0] == "terminated_postcodes":
            return self._terminated(compact(parts[1]))
        if len(parts) == 2 and parts[0] == "outcodes":
            names = OUTCODES.get(unquote(parts[1]).upper())
            if names is None:
                return 404, {"status": 404, "error": "Outcode not found"}
            return 200, {"status": 200, "result": {
                "outcode": unquote(parts[1]).upper(), "parliamentary_constituency": names,
                "parliamentary_constituency_2024": names, "country": ["England"]}}  # fmt: skip
        return 404, {"status": 404, "error": "Resource not found"}

    def _postcode(self, wanted: str) -> tuple[int, dict[str, Any]]:
        for postcode in POSTCODES:
            if compact(postcode) == wanted:
                return 200, {"status": 200, "result": _result(postcode)}
        if len(wanted) < 5 or not wanted[-3].isdigit():
            return 404, {"status": 404, "error": "Invalid postcode"}
        return 404, {"status": 404, "error": "Postcode not found"}

    def _terminated(self, wanted: str) -> tuple[int, dict[str, Any]]:
        for postcode, (year, month) in TERMINATED.items():
            if compact(postcode) == wanted:
                return 200, {"status": 200, "result": {"postcode": postcode,
                             "year_terminated": year, "month_terminated": month,
                             "longitude": -0.06, "latitude": 51.5}}  # fmt: skip
        return 404, {"status": 404, "error": "Terminated postcode not found"}

    def _nearest(self, latitude: float, longitude: float) -> tuple[int, dict[str, Any]]:
        near = [
            (math.dist((latitude, longitude), (lat, lon)), postcode)
            for postcode, (_, _, lat, lon) in POSTCODES.items()
        ]
        distance, postcode = min(near)
        if distance > 0.05:  # about 5 km: postcodes.io looks at most 2 km away
            return 200, {"status": 200, "result": None}
        return 200, {"status": 200, "result": [_result(postcode)]}


def _result(postcode: str) -> dict[str, Any]:
    seat, country, latitude, longitude = POSTCODES[postcode]
    outward, inward = postcode.split()
    return {
        "postcode": postcode, "outcode": outward, "incode": inward, "country": country,
        "latitude": latitude, "longitude": longitude,
        "parliamentary_constituency": seat, "parliamentary_constituency_2024": seat,
        "codes": {"parliamentary_constituency_2024": "E14000000"},
    }  # fmt: skip


def _handler_for(fake: FakePostcodes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlparse(self.path)
            status, body = fake.reply(url.path, parse_qs(url.query))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read `asked`."""

    return Handler

"""The Telegram front end: application wiring, handlers, inbox, lanes, retries.

app.py wires the python-telegram-bot application (serve()); service.py runs it until a
signal. handlers.py, inline.py, keyboards.py and addressing.py are the thin handlers;
lanes.py, inbox.py, retries.py, repeats.py, reply_notes.py and tuning.py carry a busy night;
chat_state.py and chat_prefs.py keep per-chat state. Nothing outside this package imports
python-telegram-bot; the engine (bot/engine) knows nothing of Telegram.
"""

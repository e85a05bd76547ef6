"""The words of answers: phrases, the wording of each measure, and a selection described."""

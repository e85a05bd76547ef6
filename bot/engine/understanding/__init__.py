"""Reading words into a typed question: the lexicon of question words, and the reader that
gives every word a role or names it as not understood."""

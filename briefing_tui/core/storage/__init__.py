"""Reading and writing what the user keeps: bookmarks and notes, settings, and the files behind them."""

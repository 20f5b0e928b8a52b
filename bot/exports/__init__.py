"""Files for the Party committee: the Word report, the spreadsheet and CSV, the chart.

Each builder is a function of the data it shows and returns the file's bytes; nothing here
reads the database, the clock or Telegram.
"""

"""The sandbox: a loopback emulator of the Sheets v4, Docs v1, Drive v3 and Vitally REST subset the tool uses.

One HTTP server on 127.0.0.1 serves all four APIs at their real paths
(`/v4/spreadsheets…`, `/v1/documents…`, `/drive/v3…`, `/upload/drive/v3…`, `/resources…`),
plus `/_sandbox/…` control routes (faults, request log, reset) and a browsable index at `/`.
The production clients are pointed at it; nothing in them is replaced.
"""

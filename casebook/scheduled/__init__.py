"""Scheduled checks, never run by the build: content in; reports of broken source links
(linkcheck, needs the network) and of entries due for re-checking (staleness) out."""

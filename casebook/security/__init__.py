"""Security: a built site in, its Content-Security-Policy out (csp); contributor text in, text
that stays data in logs and spreadsheets out (inert). Limits on what is loaded live in
content/refuse.py and content/markup.py."""

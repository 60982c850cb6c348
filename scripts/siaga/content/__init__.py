"""Reading and checking content: YAML and Markdown files become typed model objects, or every problem
is reported at ``path:line:column`` in plain Indonesian before anything is written.

The floor of the package: it imports no other stage of ``siaga``. Everything else imports it.
"""

"""National standards as pure functions and tables: AODTS-NMDS codes and SLK-581.

Nothing here touches the database or the request, so every area (clients, care, reports)
can use it, and it can be tested on its own.
"""

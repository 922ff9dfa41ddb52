"""The test run itself has outbound network blocked (see conftest.pytest_configure)."""

import socket

import pytest


def test_outbound_connections_are_blocked():
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("93.184.215.14", 80), timeout=2)
    with pytest.raises(OSError, match="blocked"):
        socket.getaddrinfo("example.org", 443)


def test_loopback_still_works():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()

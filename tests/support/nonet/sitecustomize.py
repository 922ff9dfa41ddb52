"""Loaded by Python at start-up when this folder is on PYTHONPATH: blocks every non-loopback connection.

The tests run builds under it to prove the build needs no network.
"""

import socket

_LOOPBACK = ("127.", "::1", "localhost", "0.0.0.0")
_real_connect = socket.socket.connect
_real_getaddrinfo = socket.getaddrinfo


class NetworkBlocked(OSError):
    pass


def _host(address):
    return address[0] if isinstance(address, tuple) else str(address)


def _connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and not str(_host(address)).startswith(_LOOPBACK):
        raise NetworkBlocked(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


def _getaddrinfo(host, *args, **kwargs):
    if host is not None and not str(host).startswith(_LOOPBACK):
        raise NetworkBlocked(f"DNS lookup blocked in tests: {host!r}")
    return _real_getaddrinfo(host, *args, **kwargs)


socket.socket.connect = _connect
socket.getaddrinfo = _getaddrinfo

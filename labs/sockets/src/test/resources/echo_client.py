#!/usr/bin/env python3
# The lecture's EchoClient ("TCP Socket Operation" slide), ported from Python 2 to Python 3.
# Faithful to the slide: connect, send 'Hello, world' once, recv once (size 1024), close, print.
# Only the Python 3 changes: bytes instead of str on the wire, print() as a function, the
# address as a (host, port) tuple, and the port from the command line (the slide's 50000 is
# the default) so tests can pass the ephemeral port the Java server reports.
#
# Run it against the Java server:  python3 echo_client.py 50000
import socket
import sys

host = 'localhost'
port = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
size = 1024  # max amount of data to be received
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect((host, port))
s.send(b'Hello, world')
data = s.recv(size)
s.close()
print('Received:', data.decode('utf-8'))

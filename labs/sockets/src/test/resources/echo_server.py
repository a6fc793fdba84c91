#!/usr/bin/env python3
# The lecture's EchoServer ("TCP Socket Operation" slide), ported from Python 2 to Python 3.
# Faithful to the slide: bind, listen with backlog 1, and for each client: recv (size 1024),
# send it back, close; one client at a time.
# Only the Python 3 / test changes: the address as a (host, port) tuple; the port from the
# command line (0 = any free port, the slide's 50000 is the default); the bound port printed
# on stdout so the test can connect; binding 127.0.0.1 instead of '' (all interfaces), since
# tests stay on loopback; it answers each client's messages until the client closes, since the
# Java client may send more than once.
#
# Run it:  python3 echo_server.py 50000
import socket
import sys

host = '127.0.0.1'
port = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
backlog = 1  # max number of queued connections
size = 1024  # max amount of data to be received
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((host, port))
s.listen(backlog)
print('listening on', s.getsockname()[1], flush=True)
while 1:
    client, address = s.accept()
    data = client.recv(size)
    while data:
        client.send(data)
        data = client.recv(size)
    client.close()

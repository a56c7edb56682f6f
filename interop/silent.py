"""A DNS server that never answers: UDP and TCP sockets bound on port 53 of one address,
never read (TCP connections are accepted by the kernel's backlog and then left hanging).
It exits by itself after LIFETIME seconds so that it can never outlive a lab run.
Usage: python3 silent.py ADDRESS LIFETIME_SECONDS"""
import socket, sys, time

address, lifetime = sys.argv[1], float(sys.argv[2])
family = socket.AF_INET6 if ":" in address else socket.AF_INET
udp = socket.socket(family, socket.SOCK_DGRAM)
udp.bind((address, 53))
tcp = socket.socket(family, socket.SOCK_STREAM)
tcp.bind((address, 53))
tcp.listen(16)
time.sleep(lifetime)

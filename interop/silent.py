"""A DNS server that never answers: UDP and TCP sockets bound on port 53 of one address,
never read (TCP connections are accepted by the kernel's backlog and then left hanging).
With "tcp", only the TCP socket: started before a real server on the same address, it
takes that server's TCP port (BIND then serves UDP only), so TCP queries go unanswered.
It exits by itself after LIFETIME seconds so that it can never outlive a lab run.
Usage: python3 silent.py ADDRESS LIFETIME_SECONDS [tcp]"""
import socket, sys, time

address, lifetime = sys.argv[1], float(sys.argv[2])
family = socket.AF_INET6 if ":" in address else socket.AF_INET
tcp_only = sys.argv[3:] == ["tcp"]
if not tcp_only:
    udp = socket.socket(family, socket.SOCK_DGRAM)
    udp.bind((address, 53))
tcp = socket.socket(family, socket.SOCK_STREAM)
tcp.bind((address, 53))
tcp.listen(16)
time.sleep(lifetime)

package org.dnstracer.lab;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dnstracer.net.IpAddresses;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** A bare test client: dnsjava for the messages, plain sockets on loopback for the transport, no resolver. */
final class LabClient {
    private final int port;
    private int timeoutMs = 2_000;

    LabClient(int port) {
        this.port = port;
    }

    LabClient timeout(int ms) {
        this.timeoutMs = ms;
        return this;
    }

    static InetAddress ip(String literal) {
        return IpAddresses.parseLiteral(literal).orElseThrow(() -> new IllegalArgumentException(literal));
    }

    static Message query(String name, int type) {
        try {
            Message q = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), type, DClass.IN));
            q.getHeader().unsetFlag(Flags.RD);
            return q;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Message edns(Message q, int payload) {
        q.addRecord(new OPTRecord(payload, 0, 0), org.xbill.DNS.Section.ADDITIONAL);
        return q;
    }

    /** One UDP exchange; null on timeout. */
    Message udp(String server, String name, int type) throws IOException {
        return udp(server, query(name, type));
    }

    Message udp(String server, Message query) throws IOException {
        List<byte[]> raw = udpRaw(server, query.toWire(), 1);
        return raw.isEmpty() ? null : new Message(raw.get(0));
    }

    /** Sends one datagram and collects up to {@code max} reply datagrams (stops at the first timeout). */
    List<byte[]> udpRaw(String server, byte[] query, int max) throws IOException {
        List<byte[]> replies = new ArrayList<>();
        InetAddress target = ip(server);
        InetAddress local = ip(target instanceof Inet6Address ? "::1" : "127.0.0.1");
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
            s.setSoTimeout(timeoutMs);
            s.send(new DatagramPacket(query, query.length, target, port));
            byte[] buf = new byte[65_535];
            while (replies.size() < max) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                replies.add(Arrays.copyOf(p.getData(), p.getLength()));
            }
        }
        return replies;
    }

    Message tcp(String server, String name, int type) throws IOException {
        return tcp(server, query(name, type));
    }

    Message tcp(String server, Message query) throws IOException {
        return tcpAll(server, query, 1).get(0);
    }

    /** Reads {@code count} messages from one TCP exchange (AXFR sends several, ending with the SOA). */
    List<Message> tcpAll(String server, Message query, int count) throws IOException {
        List<Message> out = new ArrayList<>();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ip(server), port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            byte[] wire = query.toWire();
            OutputStream os = s.getOutputStream();
            os.write(new byte[] {(byte) (wire.length >>> 8), (byte) wire.length});
            os.write(wire);
            os.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            while (out.size() < count) {
                byte[] m = new byte[in.readUnsignedShort()];
                in.readFully(m);
                out.add(new Message(m));
            }
        }
        return out;
    }

    /** Reads AXFR messages until the closing SOA. */
    List<Record> axfr(String server, String zone) throws IOException {
        List<Record> records = new ArrayList<>();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ip(server), port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            byte[] wire = query(zone, Type.AXFR).toWire();
            OutputStream os = s.getOutputStream();
            os.write(new byte[] {(byte) (wire.length >>> 8), (byte) wire.length});
            os.write(wire);
            DataInputStream in = new DataInputStream(s.getInputStream());
            int soas = 0;
            while (soas < 2) {
                byte[] m = new byte[in.readUnsignedShort()];
                in.readFully(m);
                Message msg = new Message(m);
                if (msg.getRcode() != 0) {
                    throw new IOException("AXFR rcode " + msg.getRcode());
                }
                for (Record r : msg.getSection(org.xbill.DNS.Section.ANSWER)) {
                    records.add(r);
                    if (r.getType() == Type.SOA) {
                        soas++;
                    }
                }
            }
        }
        return records;
    }
}

package org.dnstracer.interop;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A raw one-query client run inside the lab's namespace (the test JVM cannot reach it): sends
 * exactly the query asked for, with no retry and no TCP fallback, and reports the reply header as
 * read from the bytes, so a truncated reply is seen as the server sent it.
 * Arguments: one or more {@code server,qname,type,mode} with mode {@code udp} (no EDNS),
 * {@code udp<N>} (EDNS payload N) or {@code tcp}. Prints one line per query:
 * {@code <spec> rcode=REFUSED aa=true tc=false an=0 size=34}.
 */
public final class DnsProbe {
    private DnsProbe() {}

    public static void main(String[] args) throws Exception {
        for (String spec : args) {
            String[] f = spec.split(",");
            System.out.println(spec + " " + probe(org.dnstracer.net.IpAddresses.parseLiteral(f[0]).orElseThrow(), f[1], f[2], f[3]));
        }
    }

    static String probe(InetAddress server, String qname, String type, String mode) throws Exception {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(qname, Name.root), Type.value(type), DClass.IN));
        query.getHeader().unsetFlag(Flags.RD);
        if (mode.startsWith("udp") && mode.length() > 3) {
            query.addRecord(new OPTRecord(Integer.parseInt(mode.substring(3)), 0, 0), Section.ADDITIONAL);
        }
        byte[] wire = query.toWire();
        byte[] reply = mode.equals("tcp") ? tcp(server, wire) : udp(server, wire);
        ByteBuffer b = ByteBuffer.wrap(reply);
        int flags = b.getShort(2) & 0xffff;
        return "rcode=" + Rcode.string(flags & 0xf) + " aa=" + ((flags & 0x0400) != 0) + " tc=" + ((flags & 0x0200) != 0)
                + " an=" + (b.getShort(6) & 0xffff) + " size=" + reply.length;
    }

    private static byte[] udp(InetAddress server, byte[] wire) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(3000);
            s.connect(server, 53);
            s.send(new DatagramPacket(wire, wire.length));
            DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
            s.receive(p);
            return java.util.Arrays.copyOf(p.getData(), p.getLength());
        }
    }

    private static byte[] tcp(InetAddress server, byte[] wire) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(server, 53), 3000);
            s.setSoTimeout(3000);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return reply;
        }
    }
}

package org.dnstracer.net;

/** DNS over TCP framing (RFC 1035 §4.2.2, RFC 7766): each message is preceded by its length in two octets. */
public final class TcpFraming {
    private TcpFraming() {}

    /** The message with its length prefix, ready for one write (some servers mishandle a split prefix). */
    public static byte[] framed(byte[] message) {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >>> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        return framed;
    }
}

package org.dnstracer.lab;
public final class LabServer { public java.util.List<java.net.InetAddress> addresses() { return null; } }

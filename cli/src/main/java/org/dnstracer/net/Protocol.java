package org.dnstracer.net;

/** How a DNS message travelled. */
public enum Protocol {
    UDP,
    TCP
}

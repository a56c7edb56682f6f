package org.dnstracer.model;

/**
 * One traced question and its tree. The first section is the user's question; each further one traces the
 * target of a CNAME met in an authoritative answer.
 *
 * @param question what this section traces
 * @param cnameOf the name whose CNAME led here, or null for the first section
 * @param root the start server's node
 */
public record Section(Question question, org.xbill.DNS.Name cnameOf, TraceNode root) {}

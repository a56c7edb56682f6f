/**
 * Bulk tracing: many names in one process, every name traced down all its paths, with the work that names share
 * (the referrals of parent zones, glueless name-server addresses, silent servers) done once. Start at
 * {@link org.dnstracer.bulk.BulkTracer}; its results render as NDJSON through {@link org.dnstracer.bulk.BulkJson}.
 */
package org.dnstracer.bulk;

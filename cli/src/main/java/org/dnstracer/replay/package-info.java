/**
 * Keeping a run and running it again without the network ({@code --save}, {@code --replay}).
 *
 * <p>{@link org.dnstracer.replay.RecordingTransport} wraps the live transport and keeps every exchange, recursive
 * exchange and probe exactly as the engine got it (wire octets, tries, timings), tagged with the {@link
 * org.dnstracer.replay.Phase} of the run that asked. {@link org.dnstracer.replay.SavedRunFile} writes that, with
 * what was asked ({@link org.dnstracer.replay.SavedRun}), as a JSON document and reads it back, bounded and checked.
 * {@link org.dnstracer.replay.ReplayTransport} then answers the same engine from the file, so the tracer, the
 * probes, the DNSSEC check and every renderer run unchanged on the same exchanges: the output is the live run's.
 */
package org.dnstracer.replay;

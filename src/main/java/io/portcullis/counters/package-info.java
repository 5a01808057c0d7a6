/**
 * Enforcement evidence: the platform-neutral shape of a router's match counters for Portcullis' own
 * terms ({@link io.portcullis.counters.CounterRead}), the port each platform implements to ask
 * for them and read the reply ({@link io.portcullis.counters.CounterReader}, one
 * {@code <P>Counters} class per platform package), and the small helpers those readers share. Readers are
 * read-only: they build a {@code <get>} (or a vendor RPC) and parse operational state; they never edit.
 *
 * <p>May import {@code intent} and {@code netconf.xml} only: the platform packages implement the port, so it cannot
 * know them (the registry {@code platform.registry.CounterReaders} hands out the implementations).
 */
package io.portcullis.counters;

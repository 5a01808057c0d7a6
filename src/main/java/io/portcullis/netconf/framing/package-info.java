/**
 * RFC 6242 message framing on bytes, shared by the client ({@code io.portcullis.netconf}) and the simulator
 * ({@code io.portcullis.lab}).
 *
 * <ul>
 *   <li>{@link io.portcullis.netconf.framing.FrameDecoder}: push transport bytes with {@code feed(...)}; complete
 *       messages arrive at a {@link io.portcullis.netconf.framing.MessageSink} as {@code byte[]}. Starts in
 *       end-of-message framing (the hello); call {@code setFraming(CHUNKED)} between messages, e.g. from the sink
 *       right after both hellos listed base:1.1. Call {@code endOfStream()} when the transport closes: a message in
 *       progress is then a framing error.</li>
 *   <li>{@link io.portcullis.netconf.framing.FrameEncoder}: frames a {@code byte[]} (or UTF-8 string) for either
 *       framing; chunk sizes are byte counts.</li>
 *   <li>{@link io.portcullis.netconf.framing.FramingException}: any violation; fatal for the session. The decoder
 *       stays failed and never yields a partial message.</li>
 * </ul>
 *
 * <p>Strictness (checklist D.2 #13): no leading zeros, no size 0, at most ten digits and at most 4294967295 (parsed
 * as {@code long}), at least one chunk before {@code \n##\n}, LF only (no CR, no spaces), data must match the
 * declared size, and the per-message cap is checked before memory is allocated.
 *
 * <p>Imports nothing from the project (plain bytes), so the client and the simulator share it without knowing each other.
 */
package io.portcullis.netconf.framing;

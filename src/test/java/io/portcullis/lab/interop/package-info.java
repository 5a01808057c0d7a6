/**
 * Third-party clients against the simulator (Debian's ncclient), so the simulator is checked by a client we did not write.
 */
package io.portcullis.lab.interop;

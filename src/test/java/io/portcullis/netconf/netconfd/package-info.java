/**
 * Tests against the real yuma123 netconfd (tag {@code netconfd}; skipped with the reason when
 * {@code scripts/netconfd-lab.sh} is not running). They pin down what the server really does; DEVELOPERS.md records it.
 */
package io.portcullis.netconf.netconfd;

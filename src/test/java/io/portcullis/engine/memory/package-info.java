/** Tests of the router memory as one run sees it (quirks read once per run). */
package io.portcullis.engine.memory;

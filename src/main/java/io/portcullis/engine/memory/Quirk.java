package io.portcullis.engine.memory;

/** A behaviour of one router that Portcullis found out during a run and works around on later runs. */
public enum Quirk {
    /**
     * A {@code <validate>} of the candidate makes the next commit commit nothing although it answers ok (yuma123
     * netconfd, DEVELOPERS.md): the transaction skips validate on this router (the commit validates anyway).
     */
    VALIDATE_LOSES_EDITS
}

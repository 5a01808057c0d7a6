package io.portcullis.cli;

import io.portcullis.engine.ToolVersion;
import picocli.CommandLine.IVersionProvider;

public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"portcullis " + ToolVersion.current()};
    }
}

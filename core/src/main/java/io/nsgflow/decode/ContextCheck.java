package io.nsgflow.decode;

import io.nsgflow.diag.FileDiagnostics;
import io.nsgflow.parse.RawRecord;
import io.nsgflow.model.Macs;
import io.nsgflow.source.PathMetadata;

/**
 * Compares what a record says about itself with what its blob path says, and warns (once per
 * file and difference) when they disagree: a blob copied into the wrong folder, or renamed.
 */
final class ContextCheck {
    private final PathMetadata path;
    private final FileDiagnostics diag;

    ContextCheck(PathMetadata path, FileDiagnostics diag) {
        this.path = path;
        this.diag = diag;
    }

    void nsg(ResourceId id, RawRecord rec) {
        compare("subscription", path.subscription(), id.subscription());
        compare("resource group", path.resourceGroup(), id.resourceGroup());
        compare("NSG", path.nsg(), id.nameAfter());
        common(rec);
    }

    void vnet(ResourceId flowLogId, RawRecord rec) {
        compare("subscription", path.subscription(), flowLogId.subscription());
        compare("flow log", path.flowLog(), flowLogId.nameAfter());
        common(rec);
    }

    private void common(RawRecord rec) {
        compare("MAC", path.mac(), Macs.normalize(rec.macAddress()));
        String time = rec.time();
        if (path.hour() != null && time != null && time.length() >= 13
                && !time.regionMatches(true, 0, path.hour(), 0, 13)) {
            diag.warning("hour", "path says hour " + path.hour() + " but records have times outside it, e.g. " + time);
        }
    }

    private void compare(String what, String fromPath, String fromRecord) {
        if (fromPath != null && fromRecord != null && !fromPath.equalsIgnoreCase(fromRecord)) {
            diag.warning(what, "path says " + what + " " + fromPath + " but the record says " + fromRecord);
        }
    }
}

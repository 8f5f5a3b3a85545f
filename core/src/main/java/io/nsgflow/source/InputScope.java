package io.nsgflow.source;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the user asked that can spare reading whole inputs, and how to reach remote ones. A storage
 * account is listed only where a blob could hold a row the filters keep: the hour folders that
 * meet {@code --since}/{@code --until}, the NSG folders that {@code --nsg} matches, the MAC folders
 * of {@code --mac}. Local folders are walked whole, except the hour folders a checkpoint has
 * settled ({@code walkSince}).
 *
 * @param since       first instant wanted, epoch milliseconds ({@link Long#MIN_VALUE}: no bound)
 * @param until       first instant not wanted, epoch milliseconds ({@link Long#MAX_VALUE}: no bound)
 * @param nsg         whether an NSG name is wanted
 * @param macs        MACs wanted, normalised; empty for all
 * @param auth        which credential reads a storage account
 * @param environment where credentials are looked up ({@code AZURE_STORAGE_KEY}, ...)
 * @param debug       whether the storage SDK may log (requests, retries), secrets redacted
 * @param walkSince   local folders of hours that end at or before this instant are not walked
 *                    ({@link Long#MIN_VALUE}: every folder is)
 */
public record InputScope(long since, long until, Predicate<String> nsg, Set<String> macs,
                         Auth auth, Map<String, String> environment, boolean debug, long walkSince) {

    public InputScope(long since, long until, Predicate<String> nsg, Set<String> macs, Auth auth,
            Map<String, String> environment, boolean debug) {
        this(since, until, nsg, macs, auth, environment, debug, Long.MIN_VALUE);
    }

    /** Everything, with credentials from the process's environment. */
    public static InputScope everything() {
        return new InputScope(Long.MIN_VALUE, Long.MAX_VALUE, name -> true, Set.of(), Auth.AUTO, System.getenv(), false);
    }

    /**
     * This scope for a checkpointed run that needs only blobs of the hours {@code [from, to)}: the
     * ones that can have changed since the last run. Storage accounts are listed there only, and
     * local hour folders before {@code from} are not walked.
     */
    public InputScope changedIn(long from, long to) {
        return new InputScope(Math.max(since, from), Math.min(until, to), nsg, macs, auth, environment, debug, from);
    }
}

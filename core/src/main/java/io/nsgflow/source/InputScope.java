package io.nsgflow.source;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the user asked that can spare reading whole inputs, and how to reach remote ones. A storage
 * account is listed only where a blob could hold a row the filters keep: the hour folders that
 * meet {@code --since}/{@code --until}, the NSG folders that {@code --nsg} matches, the MAC folders
 * of {@code --mac}. Local folders are walked whole: listing them costs nothing.
 *
 * @param since       first instant wanted, epoch milliseconds ({@link Long#MIN_VALUE}: no bound)
 * @param until       first instant not wanted, epoch milliseconds ({@link Long#MAX_VALUE}: no bound)
 * @param nsg         whether an NSG name is wanted
 * @param macs        MACs wanted, normalised; empty for all
 * @param auth        which credential reads a storage account
 * @param environment where credentials are looked up ({@code AZURE_STORAGE_KEY}, ...)
 * @param debug       whether the storage SDK may log (requests, retries), secrets redacted
 */
public record InputScope(long since, long until, Predicate<String> nsg, Set<String> macs,
                         Auth auth, Map<String, String> environment, boolean debug) {
    /** Everything, with credentials from the process's environment. */
    public static InputScope everything() {
        return new InputScope(Long.MIN_VALUE, Long.MAX_VALUE, name -> true, Set.of(), Auth.AUTO, System.getenv(), false);
    }
}

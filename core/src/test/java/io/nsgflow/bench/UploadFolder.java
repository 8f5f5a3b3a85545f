package io.nsgflow.bench;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code UploadFolder CONNECTION_STRING FOLDER}: uploads an azcopy-style folder (one sub-folder per
 * container) into a storage account, each file a blob named by its path; for bench/azure.sh.
 */
public final class UploadFolder {
    private UploadFolder() {
    }

    public static void main(String[] args) throws IOException {
        var service = new BlobServiceClientBuilder().connectionString(args[0]).buildClient();
        Path root = Path.of(args[1]);
        try (Stream<Path> containers = Files.list(root)) {
            for (Path dir : containers.filter(Files::isDirectory).toList()) {
                BlobContainerClient c = service.getBlobContainerClient(dir.getFileName().toString());
                if (!c.exists()) {
                    c.create();
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        c.getBlobClient(dir.relativize(f).toString()).upload(BinaryData.fromFile(f), true);
                    }
                }
            }
        }
    }
}

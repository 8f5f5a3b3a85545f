package io.nsgflow.source.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes flow-log blobs into Azurite the way Network Watcher does: the block {@code {"records":[},
 * one block per record (each after the first with its leading comma), the block {@code ]}},
 * committed as a block list; an append stages the new records and commits the list again with them
 * placed before the closing block.
 */
final class NetworkWatcher {
    static final String NSG_CONTAINER = "insights-logs-networksecuritygroupflowevent";
    static final String VNET_CONTAINER = "insights-logs-flowlogflowevent";

    private static final byte[] OPEN = "{\"records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = new JsonFactory();

    private final BlobServiceClient service;

    NetworkWatcher(Azurite azurite) {
        this.service = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
    }

    BlobServiceClient service() {
        return service;
    }

    BlobContainerClient container(String name) {
        BlobContainerClient c = service.getBlobContainerClient(name);
        if (!c.exists()) {
            c.create();
        }
        return c;
    }

    /** Writes {@code records} as a new blob {@code name} (replacing one already there). */
    void write(BlobContainerClient container, String name, List<byte[]> records) {
        BlockBlobClient blob = container.getBlobClient(name).getBlockBlobClient();
        List<String> ids = new ArrayList<>();
        ids.add(stage(blob, 0, OPEN));
        for (int i = 0; i < records.size(); i++) {
            ids.add(stage(blob, ids.size(), i == 0 ? records.get(i) : comma(records.get(i))));
        }
        ids.add(stage(blob, ids.size(), CLOSE));
        blob.commitBlockList(ids, true);
    }

    /** Appends {@code records} to the blob {@code name}, which already holds at least one record. */
    void append(BlobContainerClient container, String name, List<byte[]> records) {
        BlockBlobClient blob = container.getBlobClient(name).getBlockBlobClient();
        List<String> ids = new ArrayList<>(blob.listBlocks(com.azure.storage.blob.models.BlockListType.COMMITTED)
                .getCommittedBlocks().stream().map(b -> b.getName()).toList());
        String closing = ids.remove(ids.size() - 1);
        for (byte[] record : records) {
            ids.add(stage(blob, ids.size() + 1, comma(record)));
        }
        ids.add(closing);
        blob.commitBlockList(ids, true);
    }

    /** Uploads every file under {@code root} (an azcopy download of containers) as a blob named by its path under the container folder. */
    void uploadTree(Path root) throws IOException {
        try (Stream<Path> containers = Files.list(root)) {
            for (Path dir : containers.filter(Files::isDirectory).sorted().toList()) {
                BlobContainerClient container = container(dir.getFileName().toString());
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        write(container, dir.relativize(f).toString().replace('\\', '/'), records(f));
                    }
                }
            }
        }
    }

    /** The bytes of each record of a {@code {"records":[...]}} file, exactly as they are in it. */
    static List<byte[]> records(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<byte[]> out = new ArrayList<>();
            try (JsonParser p = JSON.createParser(bytes)) {
                p.nextToken(); // {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    if (!p.currentName().equals("records")) {
                        p.nextToken();
                        p.skipChildren();
                        continue;
                    }
                    p.nextToken(); // [
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) p.currentTokenLocation().getByteOffset();
                        p.skipChildren();
                        int end = (int) p.currentLocation().getByteOffset();
                        out.add(Arrays.copyOfRange(bytes, start, end));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** Downloads every blob of {@code container} under {@code into}, as azcopy lays them out. */
    static void download(BlobContainerClient container, Path into) throws IOException {
        for (var item : container.listBlobs()) {
            Path target = into.resolve(item.getName());
            Files.createDirectories(target.getParent());
            Files.write(target, container.getBlobClient(item.getName()).downloadContent().toBytes());
        }
    }

    private static String stage(BlockBlobClient blob, int index, byte[] data) {
        // IDs must be unique within the blob and of one length; the sequence number keeps them both
        String id = Base64.getEncoder().encodeToString(String.format("block-%08d", index).getBytes(StandardCharsets.US_ASCII));
        blob.stageBlock(id, new ByteArrayInputStream(data), data.length);
        return id;
    }

    private static byte[] comma(byte[] record) {
        byte[] out = new byte[record.length + 1];
        out[0] = ',';
        System.arraycopy(record, 0, out, 1, record.length);
        return out;
    }
}

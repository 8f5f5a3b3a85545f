package io.nsgflow.enrich;

/**
 * One Azure service tag from Microsoft's weekly file: {@code Storage.WestEurope}, with its region
 * ({@code westeurope}) and the service it belongs to ({@code AzureStorage}).
 *
 * @param region        null for a global tag
 * @param systemService null for tags of no one service ({@code AzureCloud}, {@code AzureCloud.westeurope})
 */
public record ServiceTag(String name, String region, String systemService) {
}

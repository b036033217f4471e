using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SoraPromptGenie.Data;
using SoraPromptGenie.Library;
using SoraPromptGenie.Tests.Data;
using SoraPromptGenie.Tests.Infrastructure;

namespace SoraPromptGenie.Tests.Library;

/// <summary>
/// The app on a database of its own (SQLite file or a fresh PostgreSQL database), with an admin token unless
/// <paramref name="settings"/> unsets it. Subclasses exist only to change behaviour (seed the database before the host
/// starts, run a database server of their own); settings go through <see cref="SqliteAppFactory{TSettings}"/> and
/// <see cref="PostgresAppFactory{TSettings}"/>.
/// </summary>
public abstract class LibraryAppFactory(
    DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null, string environment = AppSettings.Production)
    : AppFactory(WithAdminToken(settings), environment)
{
    public const string AdminToken = "admin-token-0123456789abcdef";

    public TestDatabase Database { get; private set; } = null!;

    public DatabaseProvider Provider => provider;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Database = await CreateDatabaseAsync();
    }

    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(provider);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }

    protected override void Configure(IDictionary<string, string?> settings) => AppSettings.Apply(Database.AppSettings, settings);

    private static Dictionary<string, string?> WithAdminToken(IReadOnlyDictionary<string, string?>? overrides)
    {
        var settings = new Dictionary<string, string?> { ["ADMIN_TOKEN"] = AdminToken };
        AppSettings.Apply(overrides ?? AppSettings.Defaults, settings);
        return settings;
    }
}

public sealed class SqliteAppFactory() : LibraryAppFactory(DatabaseProvider.Sqlite);

public sealed class PostgresAppFactory() : LibraryAppFactory(DatabaseProvider.Postgres);

/// <summary>A class fixture of the app on a SQLite file of its own, with the settings <typeparamref name="TSettings"/> names.</summary>
public sealed class SqliteAppFactory<TSettings>() : LibraryAppFactory(DatabaseProvider.Sqlite, TSettings.Values, TSettings.Environment)
    where TSettings : IAppSettings;

/// <summary>A class fixture of the app on a fresh PostgreSQL database, with the settings <typeparamref name="TSettings"/> names.</summary>
public sealed class PostgresAppFactory<TSettings>() : LibraryAppFactory(DatabaseProvider.Postgres, TSettings.Values, TSettings.Environment)
    where TSettings : IAppSettings;

/// <summary>Small helpers for calling the library API as a workspace.</summary>
public static class LibraryApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<CreatedWorkspace> CreateWorkspaceAsync(this HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/workspaces", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedWorkspace>(Json))!;
    }

    public static async Task<HttpResponseMessage> SendAsync(
        this HttpClient client, HttpMethod method, string url, string? key, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Sends <paramref name="json"/> as it is written, as a workspace, with <c>If-Match: *</c> on a PUT.</summary>
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string key, string json)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative))
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (method == HttpMethod.Put)
        {
            request.Headers.TryAddWithoutValidation("If-Match", "*");
        }

        return await client.SendAsync(request);
    }

    public static async Task<PromptResponse> CreatePromptAsync(this HttpClient client, string key, string title, string text)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/prompts", key, new { title, text, model = "sora-2", size = "1280x720", seconds = "8" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PromptResponse>(Json))!;
    }

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json))!;

    public static async Task<string> ErrorCodeAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("code").GetString()!;
    }
}

using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

public sealed class TargetCatalogTests
{
    internal const string CustomJson = """
        {
          "targets": [
            {
              "id": "acme-motion-1",
              "displayName": "Acme Motion 1",
              "provider": "Acme",
              "status": "preview",
              "retiredOn": null,
              "note": null,
              "endpoint": "POST /v1/videos",
              "baseUrl": "https://api.acme.example/openai/",
              "encoding": "multipart/form-data",
              "apiKeyVariable": "ACME_API_KEY",
              "parameters": [
                { "name": "seconds", "description": null, "allowed": [ "5", "10" ], "default": "5" },
                { "name": "size", "description": "Width x height.", "allowed": [ "1920x1080", "1080x1920" ], "default": "1920x1080" }
              ],
              "guidance": [ "Acme prefers short prompts." ]
            },
            {
              "id": "acme-json",
              "displayName": "Acme JSON",
              "provider": "Acme",
              "status": "active",
              "endpoint": "PUT /v2/generate",
              "baseUrl": "https://json.acme.example",
              "encoding": "application/json",
              "apiKeyVariable": "ACME_API_KEY",
              "parameters": [
                { "name": "seconds", "allowed": [ "6" ], "default": "6" }
              ],
              "guidance": []
            }
          ]
        }
        """;

    [Fact]
    public void LoadEmbedded_ContainsBothSoraProfiles()
    {
        var catalog = TargetCatalog.LoadEmbedded();

        Assert.Equal(["sora-2", "sora-2-pro"], catalog.Ids);
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void LoadEmbedded_SoraProfiles_AreRetiredWithDateAndNote(string id)
    {
        var profile = TargetCatalog.LoadEmbedded().Find(id);

        Assert.NotNull(profile);
        Assert.Equal(TargetStatus.Retired, profile.Status);
        Assert.True(profile.IsRetired);
        Assert.Equal(new DateOnly(2026, 9, 24), profile.RetiredOn);
        Assert.False(string.IsNullOrWhiteSpace(profile.Note));
        Assert.NotEmpty(profile.Guidance);
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void LoadEmbedded_SoraProfiles_PostMultipartToVideos(string id)
    {
        var profile = TargetCatalog.LoadEmbedded().Find(id)!;

        Assert.Equal("POST /v1/videos", profile.Endpoint);
        Assert.Equal("POST", profile.Method);
        Assert.Equal("/v1/videos", profile.Path);
        Assert.Equal(TargetEncoding.MultipartForm, profile.Encoding);
        Assert.Equal(new Uri("https://api.openai.com/v1/videos"), profile.RequestUrl);
        Assert.Equal("OPENAI_API_KEY", profile.ApiKeyVariable);
    }

    [Fact]
    public void LoadEmbedded_Sora2_AllowsTheTwoStandardSizes()
    {
        var size = TargetCatalog.LoadEmbedded().Find("sora-2")!.FindParameter("size")!;

        Assert.Equal(["1280x720", "720x1280"], size.Allowed);
        Assert.Equal("720x1280", size.Default);
    }

    [Fact]
    public void LoadEmbedded_Sora2Pro_AddsTheTallAndWideSizes()
    {
        var size = TargetCatalog.LoadEmbedded().Find("sora-2-pro")!.FindParameter("size")!;

        Assert.Equal(["1280x720", "720x1280", "1024x1792", "1792x1024"], size.Allowed);
        Assert.Equal("720x1280", size.Default);
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void LoadEmbedded_SecondsAreFourEightOrTwelve_DefaultFour(string id)
    {
        var seconds = TargetCatalog.LoadEmbedded().Find(id)!.FindParameter("seconds")!;

        Assert.Equal(["4", "8", "12"], seconds.Allowed);
        Assert.Equal("4", seconds.Default);
    }

    [Fact]
    public void LoadEmbedded_PassesValidation()
    {
        var catalog = TargetCatalog.LoadEmbedded();

        Assert.Empty(TargetCatalog.Validate(catalog.All));
    }

    [Theory]
    [InlineData("SORA-2", "sora-2")]
    [InlineData(" Sora-2-Pro ", "sora-2-pro")]
    public void Find_AnyCase_ReturnsProfile(string query, string expectedId)
    {
        var profile = TargetCatalog.LoadEmbedded().Find(query);

        Assert.Equal(expectedId, profile?.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sora-3")]
    public void Find_UnknownId_ReturnsNull(string? id)
    {
        var profile = TargetCatalog.LoadEmbedded().Find(id);

        Assert.Null(profile);
    }

    [Fact]
    public void FromJson_CustomProfiles_LoadsThemInOrder()
    {
        var catalog = TargetCatalog.FromJson(CustomJson);

        Assert.Equal(["acme-motion-1", "acme-json"], catalog.Ids);
        var acme = catalog.Find("ACME-MOTION-1")!;
        Assert.Equal(TargetStatus.Preview, acme.Status);
        Assert.Null(acme.RetiredOn);
        Assert.Equal(new Uri("https://api.acme.example/openai/v1/videos"), acme.RequestUrl);
        Assert.Equal(["seconds", "size"], acme.Parameters.Select(p => p.Name));
    }

    [Theory]
    [InlineData("\"id\": \"acme-motion-1\"", "\"id\": \"acme-json\"", "Duplicate target id")]
    [InlineData("\"default\": \"5\"", "\"default\": \"7\"", "is not an allowed value")]
    [InlineData("\"status\": \"preview\"", "\"status\": \"beta\"", "unknown status")]
    [InlineData("\"status\": \"preview\"", "\"status\": \"retired\"", "no retiredOn date")]
    [InlineData("\"encoding\": \"multipart/form-data\"", "\"encoding\": \"text/plain\"", "unsupported encoding")]
    [InlineData("\"endpoint\": \"POST /v1/videos\"", "\"endpoint\": \"/v1/videos\"", "must look like")]
    [InlineData("\"apiKeyVariable\": \"ACME_API_KEY\"", "\"apiKeyVariable\": \"ACME KEY\"", "environment variable")]
    [InlineData("{ \"name\": \"seconds\", \"allowed\"", "{ \"name\": \"prompt\", \"allowed\"", "other than model and prompt")]
    [InlineData("\"baseUrl\": \"https://json.acme.example\"", "\"baseUrl\": \"ftp://json.acme.example\"", "http(s)")]
    public void FromJson_InvalidProfile_ThrowsNamingTheProblem(string find, string replace, string expected)
    {
        Assert.Contains(find, CustomJson, StringComparison.Ordinal);
        var json = ReplaceFirst(CustomJson, find, replace);

        var ex = Assert.Throws<InvalidOperationException>(() => TargetCatalog.FromJson(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"displayName\": \"Acme Motion 1\"", "\"dispayName\": \"Acme Motion 1\"")]
    [InlineData("\"provider\": \"Acme\",\n      \"status\": \"preview\"", "\"status\": \"preview\"")]
    [InlineData("\"targets\": [", "\"targets\": [ }")]
    public void FromJson_MisspeltMissingOrMalformed_Throws(string find, string replace)
    {
        Assert.Contains(find, CustomJson, StringComparison.Ordinal);
        var json = ReplaceFirst(CustomJson, find, replace);

        Assert.Throws<InvalidOperationException>(() => TargetCatalog.FromJson(json));
    }

    [Fact]
    public void FromJson_NoProfiles_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TargetCatalog.FromJson("""{ "targets": [] }"""));

        Assert.Contains("At least one target profile", ex.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length));
    }
}

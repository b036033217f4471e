using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

public sealed class TargetCatalogTests
{
    internal const string CustomJson = """
        {
          "sources": [
            { "key": "acme-docs", "title": "Acme API reference", "url": "https://docs.acme.example/video", "date": "2026-01-05", "official": true },
            { "key": "acme-forum", "title": "A user's notes on Acme", "url": null, "date": "2026-02-01", "official": false, "undated": true }
          ],
          "targets": [
            {
              "id": "acme-motion-1",
              "displayName": "Acme Motion 1",
              "provider": "Acme",
              "api": "Acme Videos API",
              "model": "acme-motion-1",
              "verified": true,
              "preview": true,
              "request": {
                "method": "POST",
                "url": "https://api.acme.example/openai/v1/videos",
                "encoding": "multipart/form-data",
                "auth": { "header": "Authorization", "scheme": "Bearer", "variable": "ACME_API_KEY" },
                "headers": null,
                "body": { "model": "acme-motion-1" },
                "promptPath": "prompt",
                "source": "acme-docs"
              },
              "parameters": [
                { "path": "seconds", "type": "string", "description": null, "allowed": [ "5", "10" ], "default": "5", "source": "acme-docs" },
                { "path": "size", "type": "string", "description": "Width x height.", "allowed": [ "1920x1080", "1080x1920" ], "default": "1920x1080", "source": "acme-docs" }
              ],
              "negatives": { "mode": "fold", "path": null, "advice": "No negative field.", "source": "acme-docs" },
              "audio": { "mode": "none", "parameter": null, "advice": "Silent.", "source": "acme-docs" },
              "flow": { "mode": "sync", "result": "the response body", "source": "acme-docs" },
              "guidance": [ { "text": "Acme prefers short prompts.", "source": "acme-forum" } ]
            },
            {
              "id": "acme-json",
              "displayName": "Acme JSON",
              "provider": "Acme",
              "api": "Acme JSON API",
              "model": "acme-json",
              "verified": false,
              "request": {
                "method": "PUT",
                "url": "https://json.acme.example/v2/generate",
                "encoding": "application/json",
                "auth": { "header": "Authorization", "scheme": "Bearer", "variable": "ACME_API_KEY" },
                "headers": null,
                "body": { "model": "acme-json" },
                "promptPath": "prompt",
                "source": "acme-forum"
              },
              "parameters": [
                { "path": "seconds", "type": "string", "allowed": [ "6" ], "default": "6", "source": "acme-docs" }
              ],
              "negatives": { "mode": "avoid", "path": null, "advice": "Describe what should be there.", "source": "acme-docs" },
              "audio": { "mode": "always", "parameter": null, "advice": "Describe the sound.", "source": "acme-docs" },
              "flow": {
                "mode": "poll",
                "id": "job_id",
                "idVariable": "JOB_ID",
                "poll": { "method": "GET", "url": "https://json.acme.example/v2/jobs/{JOB_ID}" },
                "done": "state is done",
                "source": "acme-docs"
              },
              "guidance": [ { "text": "Keep it short.", "source": "acme-docs" } ]
            }
          ]
        }
        """;

    [Fact]
    public void LoadEmbedded_ContainsEveryTarget()
    {
        var catalog = TargetCatalog.LoadEmbedded();

        Assert.Equal(
            [
                "gemini-omni-1.1-flash", "veo-3.1", "veo-3.1-fast", "runway-gen4.5", "runway-veo3.1", "runway-seedance2", "luma-ray-3.2",
                "seedance-2.0", "seedance-2.0-fast", "kling-v2.6", "kling-v3", "sora-2", "sora-2-pro", "generic",
            ],
            catalog.Ids);
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void LoadEmbedded_SoraProfiles_AreRetiredWithDateAndNote(string id)
    {
        var catalog = TargetCatalog.LoadEmbedded();
        var profile = catalog.Find(id);

        Assert.NotNull(profile);
        Assert.Equal(TargetStatus.Retired, catalog.StatusOf(profile));
        Assert.Equal(new DateOnly(2026, 9, 24), profile.RetiredOn);
        Assert.False(string.IsNullOrWhiteSpace(profile.Note));
        Assert.NotEmpty(profile.Guidance);
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void LoadEmbedded_SoraProfiles_PostMultipartToVideos(string id)
    {
        var request = TargetCatalog.LoadEmbedded().Find(id)!.Request!;

        Assert.Equal("POST", request.Method);
        Assert.Equal("https://api.openai.com/v1/videos", request.Url);
        Assert.Equal(TargetEncoding.MultipartForm, request.Encoding);
        Assert.Equal("OPENAI_API_KEY", request.Auth.Variable);
    }

    [Fact]
    public void LoadEmbedded_Sora2_AllowsTheTwoStandardSizes()
    {
        var size = TargetCatalog.LoadEmbedded().Find("sora-2")!.FindParameter("size")!;

        Assert.Equal(["1280x720", "720x1280"], size.Values);
        Assert.Equal("720x1280", size.Default);
    }

    [Fact]
    public void LoadEmbedded_Sora2Pro_AddsTheTallAndWideSizes()
    {
        var size = TargetCatalog.LoadEmbedded().Find("sora-2-pro")!.FindParameter("size")!;

        Assert.Equal(["1280x720", "720x1280", "1024x1792", "1792x1024"], size.Values);
        Assert.Equal("720x1280", size.Default);
    }

    [Theory]
    [InlineData("sora-2")]
    [InlineData("sora-2-pro")]
    public void LoadEmbedded_SecondsAreFourEightOrTwelve_DefaultFour(string id)
    {
        var seconds = TargetCatalog.LoadEmbedded().Find(id)!.FindParameter("seconds")!;

        Assert.Equal(["4", "8", "12"], seconds.Values);
        Assert.Equal("4", seconds.Default);
    }

    [Fact]
    public void LoadEmbedded_PassesValidation()
    {
        var catalog = TargetCatalog.LoadEmbedded();

        Assert.Empty(TargetCatalog.Validate(catalog.Sources, catalog.All));
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
        Assert.Equal(TargetStatus.Preview, catalog.StatusOf(acme));
        Assert.Null(acme.RetiredOn);
        Assert.Equal("https://api.acme.example/openai/v1/videos", acme.Request!.Url);
        Assert.Equal(["seconds", "size"], acme.Parameters.Select(p => p.Name));
    }

    [Theory]
    [InlineData("\"id\": \"acme-motion-1\"", "\"id\": \"acme-json\"", "Duplicate target id")]
    [InlineData("\"default\": \"5\"", "\"default\": \"7\"", "is not an allowed value")]
    [InlineData("\"preview\": true", "\"preview\": true, \"retiredOn\": \"2026-01-01\"", "names no source for its status dates")]
    [InlineData("\"encoding\": \"multipart/form-data\"", "\"encoding\": \"text/plain\"", "unsupported encoding")]
    [InlineData("\"url\": \"https://api.acme.example/openai/v1/videos\"", "\"url\": \"/v1/videos\"", "must be an https URL")]
    [InlineData("\"variable\": \"ACME_API_KEY\"", "\"variable\": \"ACME KEY\"", "environment variable")]
    [InlineData("{ \"path\": \"seconds\", \"type\"", "{ \"path\": \"prompt\", \"type\"", "not the prompt's")]
    [InlineData("\"url\": \"https://json.acme.example/v2/generate\"", "\"url\": \"ftp://json.acme.example/v2/generate\"", "https URL")]
    [InlineData("\"source\": \"acme-docs\" }\n", "\"source\": \"acme-wiki\" }\n", "cites unknown source 'acme-wiki'")]
    [InlineData("\"promptPath\": \"prompt\",\n        \"source\": \"acme-docs\"", "\"promptPath\": \"prompt\",\n        \"source\": \"acme-forum\"", "is marked verified, but its request cites a source that is not official")]
    [InlineData("\"allowed\": [ \"6\" ], \"default\": \"6\", \"source\": \"acme-docs\"", "\"allowed\": [ \"6\" ], \"default\": \"6\", \"source\": \"acme-forum\"", "is marked verified, but cites no official source")]
    [InlineData("\"type\": \"string\", \"allowed\": [ \"6\" ]", "\"type\": \"integer\", \"allowed\": [ \"six\" ]", "is an integer, but an allowed value is not")]
    [InlineData("\"mode\": \"fold\", \"path\": null", "\"mode\": \"field\", \"path\": null", "a body path exactly for mode field")]
    [InlineData("\"mode\": \"none\", \"parameter\": null", "\"mode\": \"switch\", \"parameter\": \"audio\"", "a parameter of the profile exactly for mode switch")]
    [InlineData("\"url\": \"https://json.acme.example/v2/jobs/{JOB_ID}\"", "\"url\": \"https://json.acme.example/v2/jobs\"", "poll call must carry {JOB_ID}")]
    [InlineData("\"body\": { \"model\": \"acme-json\" }", "\"body\": { \"model\": \"other\" }", "appears neither in its url nor in its body")]
    [InlineData("\"guidance\": [ { \"text\": \"Keep it short.\", \"source\": \"acme-docs\" } ]", "\"guidance\": []", "at least one guidance bullet")]
    public void FromJson_InvalidProfile_ThrowsNamingTheProblem(string find, string replace, string expected)
    {
        Assert.Contains(find, CustomJson, StringComparison.Ordinal);
        var json = ReplaceFirst(CustomJson, find, replace);

        var ex = Assert.Throws<InvalidOperationException>(() => TargetCatalog.FromJson(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"displayName\": \"Acme Motion 1\"", "\"dispayName\": \"Acme Motion 1\"")]
    [InlineData("\"api\": \"Acme Videos API\",", "")]
    [InlineData("\"date\": \"2026-01-05\"", "\"date\": \"05/01/2026\"")]
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
        var ex = Assert.Throws<InvalidOperationException>(() => TargetCatalog.FromJson("""{ "sources": [], "targets": [] }"""));

        Assert.Contains("At least one target profile", ex.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, index), replace, text.AsSpan(index + find.Length));
    }
}

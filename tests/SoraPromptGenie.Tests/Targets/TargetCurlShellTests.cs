using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using SoraPromptGenie.Core.Targets;

namespace SoraPromptGenie.Tests.Targets;

/// <summary>
/// The curl and poll commands of every target, pasted into a real bash with history expansion on (as in a terminal)
/// and <c>curl</c> replaced by a function that prints its arguments: bash parses them, runs nothing from the prompt, and
/// hands curl exactly the body that was exported, with the key, project and task id read from the environment.
/// </summary>
public sealed class TargetCurlShellTests : IDisposable
{
    private static readonly Dictionary<string, string> Environment = new(StringComparer.Ordinal)
    {
        ["GOOGLE_CLOUD_LOCATION"] = "us-central1",
        ["GOOGLE_CLOUD_PROJECT"] = "my-project",
        ["OPERATION_NAME"] = "projects/my-project/locations/us-central1/operations/42",
        ["TASK_ID"] = "task-7",
        ["GENERATION_ID"] = "gen-9",
        ["VIDEO_ID"] = "video_1",
        ["GEMINI_API_KEY"] = "k-gemini",
        ["VERTEX_ACCESS_TOKEN"] = "k-vertex",
        ["RUNWAY_API_KEY"] = "k-runway",
        ["LUMA_AGENTS_API_KEY"] = "k-luma",
        ["ARK_API_KEY"] = "k-ark",
        ["KLING_API_TOKEN"] = "k-kling",
        ["OPENAI_API_KEY"] = "k-openai",
    };

    private readonly VideoRequestBuilder _builder = new(TargetCatalog.LoadEmbedded());
    private readonly string _directory = Directory.CreateTempSubdirectory("curl-shell-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string> TargetsAndTrickyPrompts()
    {
        string[] prompts =
        [
            "It's the fox's \"night\" — é, 狐, 🦊.",
            "$(touch PWNED) and `touch PWNED` and ${HOME} and $OPENAI_API_KEY",
            "Line one.\nMara: \"It's late,\" she says.\n\t- Beat 'two' \\n stays literal \\",
            "Wow! Stop!! !-1 !$ history !fox",
            "@/etc/passwd;type=text/html <input {GOOGLE_CLOUD_PROJECT} {TASK_ID} ; | & > #",
        ];
        var data = new TheoryData<string, string>();
        foreach (var target in TargetCatalog.LoadEmbedded().All.Where(t => t.Request is not null))
        {
            foreach (var prompt in prompts)
            {
                data.Add(target.Id, prompt);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TargetsAndTrickyPrompts))]
    public void Curl_TrickyPrompt_BashPassesCurlExactlyTheBody(string id, string prompt)
    {
        var export = Export(id, prompt);

        var arguments = RunCurlFunction(export.Curl);

        Assert.Equal(Expand(export.Url), arguments[0]);
        Assert.Equal(ExpectedHeaders(export), HeaderArguments(arguments));
        if (export.Encoding == TargetEncoding.Json)
        {
            var data = arguments[arguments.IndexOf("--data-raw") + 1];
            Assert.Equal(VideoRequestBuilder.ToJson(export.Body), data);
            Assert.True(JsonNode.DeepEquals(export.Body, JsonNode.Parse(data)));
            Assert.Contains(Strings(JsonNode.Parse(data)), text => text.StartsWith(prompt, StringComparison.Ordinal));
        }
        else
        {
            var fields = FormFields(arguments);
            Assert.Equal(export.Body.Select(f => $"{f.Key}={f.Value!.GetValue<string>()}"), fields);
            Assert.Contains(fields, field => field.StartsWith($"prompt={prompt}", StringComparison.Ordinal));
        }

        Assert.False(File.Exists(Path.Combine(_directory, "PWNED")), "the prompt ran a command");
    }

    [Theory]
    [MemberData(nameof(TargetsAndTrickyPrompts))]
    public void PollCurl_Always_ReadsTheIdFromTheEnvironment(string id, string prompt)
    {
        var export = Export(id, prompt);
        if (export.Poll is not { } poll)
        {
            Assert.Equal(FlowMode.Sync, export.Target.Flow!.Mode);
            return;
        }

        var arguments = RunCurlFunction(poll.Curl);

        Assert.Equal(Expand(poll.Url), arguments[0]);
        Assert.DoesNotContain("{", arguments[0], StringComparison.Ordinal);
        Assert.Contains(arguments, a => a.StartsWith(export.Target.Request!.Auth.Header + ": ", StringComparison.Ordinal) && a.EndsWith(Environment[export.Target.Request.Auth.Variable], StringComparison.Ordinal));
        if (export.Target.Flow!.Poll!.Body is { } body)
        {
            var data = arguments[arguments.IndexOf("--data-raw") + 1];
            Assert.Equal(Expand(VideoRequestBuilder.ToJson(body)), data);
        }
    }

    private VideoExport Export(string id, string prompt)
    {
        var target = TargetCatalog.LoadEmbedded().Find(id)!;
        var parameters = target.Parameters.Where(p => p.Required).ToDictionary(p => p.Name, string? (p) => p.Values[0]);
        var negative = target.Negatives!.Mode == NegativeMode.Avoid ? null : "text; 'quoted' $(rm -rf ~)";
        var result = _builder.Export(new VideoExportInput(id, prompt, parameters, negative));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return result.Export;
    }

    /// <summary>Runs the command as pasted into bash, after a syntax check, and returns the arguments curl got.</summary>
    private List<string> RunCurlFunction(string command)
    {
        var script = Path.Combine(_directory, "command.sh");
        File.WriteAllText(script, command + "\n", new UTF8Encoding(false));
        var (syntaxExit, _, syntaxErrors) = Bash(["-n", script], string.Empty);
        Assert.True(syntaxExit == 0, $"bash -n failed: {syntaxErrors}\n{command}");

        var prelude = new StringBuilder("set -o history -o histexpand\ncurl() { printf '%s\\0' \"$@\"; }\n");
        foreach (var (name, value) in Environment)
        {
            prelude.Append(name).Append('=').Append(value).Append('\n');
        }

        var run = Path.Combine(_directory, "run.sh");
        File.WriteAllText(run, prelude + command + "\n", new UTF8Encoding(false));
        var (exit, output, errors) = Bash([run], string.Empty);
        Assert.True(exit == 0 && errors.Length == 0, $"bash failed ({exit}): {errors}\n{command}");
        var arguments = output.Split('\0').ToList();
        Assert.Equal(string.Empty, arguments[^1]);
        arguments.RemoveAt(arguments.Count - 1);
        return arguments;
    }

    private (int Exit, string Output, string Errors) Bash(string[] arguments, string input)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = _directory;
        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), "bash did not finish");
        return (process.ExitCode, output.Result, errors);
    }

    private static string Expand(string text) =>
        Environment.Aggregate(text, (current, variable) =>
            current.Replace("${" + variable.Key + "}", variable.Value, StringComparison.Ordinal).Replace("{" + variable.Key + "}", variable.Value, StringComparison.Ordinal));

    private static List<string> ExpectedHeaders(VideoExport export) =>
        [.. export.Headers.Select(h => $"{h.Key}: {h.Value.Replace("$" + export.Target.Request!.Auth.Variable, Environment[export.Target.Request.Auth.Variable], StringComparison.Ordinal)}")];

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(field => Strings(field.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private static List<string> HeaderArguments(List<string> arguments) =>
        [.. arguments.Select((a, i) => (a, i)).Where(x => x.a == "-H").Select(x => arguments[x.i + 1])];

    private static List<string> FormFields(List<string> arguments) =>
        [.. arguments.Select((a, i) => (a, i)).Where(x => x.a is "-F" or "--form-string").Select(x => arguments[x.i + 1])];
}

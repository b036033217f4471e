namespace SoraPromptGenie.Tests.Ops.Logging;

/// <summary>Reads log files the app is still writing (buffered, flushed about once a second).</summary>
internal static class LogFiles
{
    public static string Read(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="done"/> holds or the timeout passes; returns the last content.</summary>
    public static async Task<string> WaitForAsync(string path, Func<string, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(8));
        while (true)
        {
            var content = Read(path);
            if (done(content) || DateTime.UtcNow > deadline)
            {
                return content;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every file under <paramref name="directory"/>, concatenated, for "never appears" checks.</summary>
    public static string ReadAll(string directory) =>
        Directory.Exists(directory)
            ? string.Join("\n", Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(Read))
            : string.Empty;
}

using System.Diagnostics;
using SoraPromptGenie.Bench.Load;

if (LoadOptions.Parse(args, out var error) is not { } options)
{
    await Console.Error.WriteLineAsync(error);
    await Console.Error.WriteLineAsync(LoadOptions.Usage);
    return 2;
}

foreach (var path in new[] { options.App, options.Baseline, options.Fake, Wrk.Executable })
{
    if (!File.Exists(path))
    {
        await Console.Error.WriteLineAsync($"missing: {path} (run bench/run-load.sh, which builds and publishes everything)");
        return 2;
    }
}

var scratch = Directory.CreateTempSubdirectory("spg-load-").FullName;
try
{
    var harness = new Harness(options, scratch);
    var table = await harness.RunAsync();
    Console.WriteLine();
    Console.WriteLine(table);
    return harness.AllMet ? 0 : 1;
}
finally
{
    try
    {
        Directory.Delete(scratch, recursive: true);
    }
    catch (IOException)
    {
        Debug.WriteLine("scratch directory still in use");
    }
}

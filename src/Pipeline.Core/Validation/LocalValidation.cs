namespace Pipeline.Core.Validation;

/// <summary>
/// Validates local files (or standard input) and writes their reports, as text per file or as one JSON array: the work
/// of <c>pipeline validate</c> and of the native <c>pipeline-validate</c>, written once so that their reports are the
/// same bytes.
/// </summary>
public static class LocalValidation
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>The name standard input is validated under unless <c>--name</c> gives one (both validators).</summary>
    public const string StandardInputName = "stdin.csv";

    /// <param name="validator">The dataset's validator.</param>
    /// <param name="paths">The files, in order; <see cref="StandardInput"/> reads <paramref name="openInput"/>.</param>
    /// <param name="json">One JSON array of every report at the end, instead of text per file.</param>
    /// <param name="inputName">The name standard input is validated under.</param>
    /// <param name="openInput">Opens standard input; called only when a path asks for it.</param>
    /// <param name="output">Where the reports go.</param>
    /// <param name="error">Where a file that cannot be read is named.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<LocalValidationOutcome> RunAsync(
        ReturnValidator validator,
        IReadOnlyList<string> paths,
        bool json,
        string inputName,
        Func<Stream> openInput,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(inputName);
        ArgumentNullException.ThrowIfNull(openInput);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var reports = new List<ValidationReport>(paths.Count);
        var unreadable = false;
        foreach (var path in paths)
        {
            try
            {
                var fromInput = path == StandardInput;
                // Read synchronously (SynchronousReadStream says why); the file is opened here, so an unreadable one is
                // reported before any validation.
                await using var stream = new SynchronousReadStream(fromInput
                    ? openInput()
                    : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.SequentialScan));

                // A pipe (validate <(cat x.csv), /dev/stdin) has no length: it is read as a stream, and the size limit
                // is applied as the bytes arrive.
                var length = stream.CanSeek ? stream.Length : (long?)null;
                var result = await validator.ValidateAsync(stream, fromInput ? inputName : path, length, cancellationToken);
                reports.Add(result.Report);
                if (!json)
                {
                    await ValidationReportText.WriteAsync(output, result.Report);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable = true;
                await error.WriteLineAsync($"{path}: cannot be read: {e.Message}");
            }
        }

        if (json)
        {
            await output.WriteLineAsync(ValidationReportJson.Serialize(reports));
        }

        return unreadable ? LocalValidationOutcome.Unreadable
            : reports.TrueForAll(r => r.Valid) ? LocalValidationOutcome.Valid
            : LocalValidationOutcome.Invalid;
    }
}

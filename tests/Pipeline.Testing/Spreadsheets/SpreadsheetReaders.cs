using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Testing.Spreadsheets;

/// <summary>
/// Real clients reading the spreadsheets back: LibreOffice Calc, headless (Debian's libreoffice-calc-nogui), converting
/// every sheet of several files to CSV in one start, and Python's odfpy (python3-odf) through read_ods.py beside this
/// file. scripts/test.sh installs both; without them these fail, never skip.
/// </summary>
public static class SpreadsheetReaders
{
    /// <summary>Each file's sheets as odfpy reads them (read_ods.py says what each holds), keyed by file.</summary>
    public static async Task<IReadOnlyDictionary<string, JsonNode>> OdfPyAsync(IReadOnlyList<string> files)
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; // Debian's, which python3-odf installs into.
        var output = await RunAsync(python, [RepositoryRoot.Combine("tests", "Pipeline.Testing", "Spreadsheets", "read_ods.py"), .. files]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)
            .ToDictionary(n => (string)n["file"]!, n => n);
    }

    /// <summary>
    /// Every sheet of every file as LibreOffice Calc saves it as CSV (values unformatted, UTF-8), keyed by file then by
    /// sheet name: one start of LibreOffice for all the files.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string[]>>>> LibreOfficeCsvAsync(IReadOnlyList<string> files)
    {
        var folder = Directory.CreateTempSubdirectory("ods-csv-").FullName;
        var profile = Directory.CreateTempSubdirectory("ods-profile-").FullName;
        // Field 44 (,), text 34 ("), UTF-8 (76), from line 1, cells as stored not as shown (false), every sheet to its own file (-1).
        const string filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
        await RunAsync("soffice", [$"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", filter, "--outdir", folder, .. files]);
        var result = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string[]>>>();
        foreach (var file in files)
        {
            var stem = Path.GetFileNameWithoutExtension(file) + "-";
            result[file] = Directory.GetFiles(folder, stem + "*.csv")
                .ToDictionary(f => Path.GetFileNameWithoutExtension(f)[stem.Length..], f => (IReadOnlyList<string[]>)Csv(File.ReadAllText(f, Encoding.UTF8)));
        }

        return result;
    }

    /// <summary>RFC 4180 records (quoted fields, doubled quotes, CRLF or LF).</summary>
    public static List<string[]> Csv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }

    private static async Task<string> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }
}

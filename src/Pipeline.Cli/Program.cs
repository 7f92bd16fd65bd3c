using System.Text;
using Pipeline.Cli;

// The summary is printed as the exact UTF-8 bytes the HTTP function returns, whatever the console's default encoding
// (Windows consoles default to a code page); no BOM, so the output pipes cleanly into files and other tools.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return await Cli.RunAsync(args, Console.Out, Console.Error);

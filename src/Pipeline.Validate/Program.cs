using System.Text;
using Pipeline.Validate;

// The reports are written as UTF-8 without a BOM, as pipeline validate writes them.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return await ValidateApp.RunAsync(args, Console.Out, Console.Error);

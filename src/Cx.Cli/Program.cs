using Cx.Cli;

return CxApp.Run(args, Console.Out, Console.Error);

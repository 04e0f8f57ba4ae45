Console.WriteLine("streamline");

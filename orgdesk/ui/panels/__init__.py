"""The panels that show and edit the selected position, one dock each."""

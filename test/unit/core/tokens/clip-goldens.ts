/**
 * Token ids (start/end stripped) that Hugging Face's CLIPTokenizer
 * (transformers 5.4.0, the `tokenizers` backend) gives for
 * openai/clip-vit-large-patch14's vocabulary. Published as the "HF oracle
 * goldens" (`GOLDEN.fast.tricky`) of a public JavaScript CLIP tokenizer's test
 * suite, found through code search (the index did not name its repository).
 * The strings cover tag captions, weights syntax, contractions, digits,
 * accents, CJK, emoji, control and zero-width characters and special tokens.
 */
export const HF_FAST_GOLDENS: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a photo of a cat', [320, 1125, 539, 320, 2368]],
  [
    '1girl, solo, long_hair, (masterpiece:1.2), best quality, artist name',
    [272, 1611, 267, 5797, 267, 1538, 318, 2225, 267, 263, 12066, 281, 272, 269, 273, 2361, 949, 3027, 267, 2456, 1981],
  ],
  ["Don't stop, it's 3:45pm!!", [847, 713, 1691, 267, 585, 568, 274, 281, 275, 276, 990, 748]],
  ["I'M GOING, YOU'LL SEE, WE'D", [328, 880, 1245, 267, 592, 1342, 862, 267, 649, 1896]],
  ["rock'n'roll o'clock ''s '' x's 'll'd", [2172, 262, 333, 262, 3341, 334, 262, 6716, 8445, 338, 8445, 343, 568, 1342, 1896]],
  ['multiple    spaces\tand\nnewlines\r\nend', [6470, 9006, 537, 1218, 3418, 806]],
  ['  leading and trailing  ', [3833, 537, 37427]],
  [
    '12345 3.14159 1,000,000 0x1F 2024-09-25',
    [
      272, 273, 274, 275, 276, 274, 269, 272, 275, 272, 276, 280, 272, 267, 271, 271, 271, 267, 271, 271, 271, 271, 343,
      272, 325, 273, 271, 273, 275, 268, 271, 280, 268, 273, 276,
    ],
  ],
  [
    'score_9, score_8_up, rating:explicit, 16:9, x-ray, ^_^, :3, ;), o_o, >_<',
    [
      4431, 318, 280, 267, 4431, 318, 279, 318, 705, 267, 10567, 281, 33228, 267, 272, 277, 281, 280, 267, 343, 268, 3077,
      267, 14423, 61, 267, 281, 274, 267, 26, 2361, 334, 318, 334, 267, 44144, 283,
    ],
  ],
  ['!!!!!!!!!!!!!!!!!!!!!!!! ??? ... -- ~~ ** ## @@', [30146, 21622, 3824, 678, 2432, 16671, 4441, 15483, 30314]],
  [
    'caf\u00e9 na\u00efve \u00c9COLE Stra\u00dfe \u00c5ngstr\u00f6m',
    [15304, 1097, 35689, 563, 3459, 8166, 1894, 127, 253, 324, 23176, 10352, 807, 7255, 332],
  ],
  ['e\u0301 A\u030a nfd accents', [4166, 127, 354, 77, 11525, 31738]],
  [
    '\u201csmart quotes\u201d \u2014 and \u2019apostrophes\u2019 \u2018x\u2019',
    [728, 506, 4115, 5808, 728, 507, 2005, 537, 728, 503, 4089, 3121, 745, 542, 728, 503, 728, 502, 343, 728, 503],
  ],
  [
    '&amp; &lt;b&gt; &quot;html&quot; &#39;',
    [261, 6259, 282, 261, 3333, 282, 321, 261, 4725, 282, 261, 47587, 282, 18231, 261, 47587, 282, 5, 258, 274, 280, 282],
  ],
  [
    '\u521d\u97f3\u30df\u30af \u6771\u65b9Project \u6f22\u5b57 \u3072\u3089\u304c\u306a',
    [
      42748, 251, 165, 253, 111, 2429, 253, 3909, 363, 48338, 29032, 117, 1965, 162, 120, 95, 35751, 501, 4813, 110, 3909,
      231, 4813, 234, 4813, 359,
    ],
  ],
  [
    '\ud55c\uad6d\uc5b4 \u0418\u0432\u0430\u043d \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
    [
      15197, 250, 31871, 255, 31625, 368, 29503, 110, 31090, 377, 147, 102, 147, 250, 147, 243, 147, 507, 12986, 10948,
      25722, 16378, 22625,
    ],
  ],
  [
    '\u039f\u0394\u039f\u03a3 \u03a3\u0391\u03a3 \u0130stanbul \u017f \u212a \u01c5',
    [138, 123, 138, 112, 138, 123, 139, 481, 139, 225, 138, 109, 139, 481, 328, 16384, 11231, 129, 379, 330, 131, 484],
  ],
  [
    '\ud83d\ude00 \ud83d\udc69\u200d\ud83d\udcbb \u2764\ufe0f \ud83c\udff3\ufe0f\u200d\ud83c\udf08',
    [7334, 26304, 18135, 1752, 32610],
  ],
  [
    '\uff26\uff55\uff4c\uff4c\uff57\uff49\uff44\uff54\uff48 \uff08\u5168\u89d2\uff09 \ufb01sh',
    [
      171, 121, 228, 171, 121, 243, 171, 121, 234, 171, 121, 234, 171, 121, 245, 171, 121, 231, 171, 121, 226, 171, 121,
      242, 171, 121, 486, 171, 120, 486, 34314, 101, 164, 100, 496, 171, 120, 487, 171, 105, 223, 849,
    ],
  ],
  [
    'zero\u200bwidth soft\u00adhyphen bom\ufeffx nbsp\u00a0x ideo\u3000space',
    [5848, 9844, 23571, 3773, 22618, 1441, 745, 576, 19469, 171, 119, 379, 343, 6459, 4393, 343, 1909, 334, 2138],
  ],
  ['ctrl\u000bvt\fff\u001cfs\u007fdel\u0085nel\u2028ls', [35602, 331, 10291, 1304, 472, 3854, 477, 2003, 2693, 1268]],
  ['nul\u0000x rep\ufffdx pua\ue000x', [1156, 331, 444, 343, 6487, 39802, 343, 755, 320, 36288, 478, 343]],
  [
    '<|endoftext|> <|startoftext|> <|EndOfText|> a<|endoftext|>b <|endoftext',
    [49407, 49406, 49407, 320, 49407, 321, 27, 347, 40786, 4160],
  ],
  [
    'supercalifragilisticexpialidocious pneumonoultramicroscopicsilicovolcanoconiosis',
    [
      1642, 2857, 13093, 2076, 5868, 26850, 835, 639, 38466, 28714, 749, 20253, 9800, 535, 532, 1065, 901, 1556, 13697,
      9916, 78, 39031, 13903,
    ],
  ],
  [
    'embedding:easynegative, (embedding:foo:1.2)',
    [19703, 796, 281, 18308, 8869, 267, 263, 19703, 796, 281, 23435, 281, 272, 269, 273, 264],
  ],
  ['\\(escaped\\) [brackets] {braces} <angle>', [59, 263, 18707, 59, 264, 314, 36183, 316, 346, 19249, 348, 283, 6946, 285]],
  ['', []],
  [' ', []],
  [
    '\u2460\u2167 \u00bd\u00b2 \u0663\u0664 \u0967\u0968 \ud835\udd6c',
    [158, 239, 510, 158, 227, 371, 33613, 41175, 149, 352, 149, 353, 7410, 356, 7410, 357, 6874, 243, 361],
  ],
  [
    'hatsune miku, tachi-e, zettai ryouiki, pok\u00e9mon, v-shaped eyebrows',
    [3447, 41096, 37703, 267, 648, 4039, 268, 324, 267, 34098, 13040, 1511, 520, 72, 2608, 267, 22066, 267, 341, 268, 10127, 19923],
  ],
];

/**
 * huggingface/transformers, tests/models/clip/test_tokenization_clip.py
 * (integration_expected_token_ids for openai/clip-vit-base-patch32, whose
 * vocabulary is CLIP's): the shared integration string of
 * tests/test_tokenization_common.py and its ids.
 */
export const TRANSFORMERS_INTEGRATION_TEXT =
  'This is a test \ud83d\ude0a\nI was born in 92000, and this is fals\u00e9.\n\u751f\u6d3b\u7684\u771f\u8c1b\u662f\nHi  Hello\nHi   Hello\n\n \n  \n Hello\n<s>\nhi<s>there\nThe following string should be properly encoded: Hello.\nBut ird and \u0e1b\u0e35   ird   \u0e14\nHey how are you doing';
export const TRANSFORMERS_INTEGRATION_IDS = [
  589, 533, 320, 1628, 3020, 328, 739, 2683, 530, 280, 273, 271, 271, 271, 267, 537, 589, 533, 2778, 82, 4166, 269, 33375,
  162, 112, 119, 163, 248, 226, 41570, 164, 108, 249, 42891, 363, 1883, 3306, 1883, 3306, 3306, 283, 338, 285, 1883, 283,
  338, 285, 997, 518, 3473, 9696, 1535, 655, 12560, 524, 33703, 281, 3306, 269, 767, 2770, 537, 1777, 505, 20278, 2770,
  38825, 2189, 829, 631, 592, 1960,
];

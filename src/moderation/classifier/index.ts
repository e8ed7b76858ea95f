export { createClassifier, type Classification, type Classifier, type Scores } from './classifier.js';
export { defaultClassifier, defaultModelDir } from './default-model.js';
export { HEADS, loadModel, type Head, type Model } from './model.js';
export { prepareFromScan, prepareText } from './prepare.js';
